from letterlint.cli import run

run()
