"""Domain logic behind the routes, free of HTTP concerns."""
