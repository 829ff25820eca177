# draw (podium draw)
