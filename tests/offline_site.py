"""The sitecustomize that makes every socket connection fail in a letterlint subprocess.

Shared by the CLI fixture (tests/conftest.py), the audit harness (tests/audit.py) and the
input matrix (bench/input_matrix.py), so that all three prove the same thing.
"""

REFUSE_SOCKETS = """
import socket

def _refuse(*args, **kwargs):
    raise OSError("network access attempted by letterlint")

socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
"""
