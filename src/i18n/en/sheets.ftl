# Paper marking sheets and their return.
# Each message has its Chinese twin in the file of the same name in zh/, with the same { $places } (a test checks both).

