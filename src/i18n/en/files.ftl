# Reading files: entries, marks, elements, assignments (CSV, XLSX, GBK).
# Each message has its Chinese twin in the file of the same name in zh/, with the same { $places } (a test checks both).

