echo "Hello, ${NAME:-world}!"
