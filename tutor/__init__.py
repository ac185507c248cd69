"""tutor: PyTorch ile derin öğrenme için Türkçe terminal öğretmeni."""

__version__ = "0.1.0"
