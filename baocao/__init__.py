"""The baocao application: the command line and the gold evaluation, thin layers over extract/ and warehouse/."""
