module gocases

go 1.19
