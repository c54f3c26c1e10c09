print("mapc")
