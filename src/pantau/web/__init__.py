"""The map page of `pantau serve`: static files shipped in the package and the application serving them."""
