from letterlint.main import run

run()
