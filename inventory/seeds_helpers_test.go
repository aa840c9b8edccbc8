package inventory

import (
	"time"

	"github.com/opskit/opskit/internal/civil"
)

// NewDateForTest builds a Date.
func NewDateForTest(y int, m time.Month, d int) (Date, error) { return civil.NewDate(y, m, d) }
