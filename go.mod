module github.com/opskit/opskit

go 1.24.0

require (
	github.com/shopspring/decimal v1.6.0
	github.com/stretchr/testify v1.12.1
	golang.org/x/exp v0.0.0-20260112195511-716be5621a96
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
