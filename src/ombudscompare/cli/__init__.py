"""The command line: summary, example and the error reporting that goes with them."""
