package promo

import "sync"

// backtestParallel splits the orders (already in time order) into
// contiguous chunks, tallies each on its own goroutine and adds the
// tallies in chunk order.
func (e Engine) backtestParallel(orders []Cart, order []int, near int64, workers int) (*backtestTally, error) {
	workers = min(workers, len(order))
	tallies := make([]*backtestTally, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(order)/workers, (w+1)*len(order)/workers
		tallies[w] = e.newTally(near)
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[w] = tallies[w].replay(orders, order[lo:hi], false)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for w := 1; w < workers; w++ {
		if err := tallies[0].add(tallies[w]); err != nil {
			return nil, err
		}
	}
	return tallies[0], nil
}
