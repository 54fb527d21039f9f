"""wz-tasks: deadline tracker and compliance checker for 吴忠市's property-service policy."""

__version__ = "0.1.0"
