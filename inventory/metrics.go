package inventory

import "time"

// Turnover returns inventory turnover (库存周转率, seed rules INV-03, 000/004),
//
//	turnover = COGS / average inventory at cost,
//
// for the period the cost of goods sold covers (Silver, Pyke & Thomas §2.7; Nahmias §1.11). It returns
// an error when cogs is negative or non-finite or average inventory is not positive.
func Turnover(cogs, avgInventory float64) (float64, error) {
	if err := checkNonNeg("turnover", "cogs", cogs); err != nil {
		return 0, err
	}
	if err := checkPos("turnover", "avg_inventory", avgInventory); err != nil {
		return 0, err
	}
	return result("turnover", cogs/avgInventory)
}

// AverageInventory returns the mean of inventory levels sampled at equal intervals (for a period's
// opening and closing levels, (open + close)/2). It returns an error for an empty list or a negative
// or non-finite level.
func AverageInventory(levels []float64) (float64, error) {
	if len(levels) == 0 {
		return 0, fieldErr("average inventory", "levels", nil, ErrEmptyHistory)
	}
	if err := checkSlice("average inventory", "levels", levels, false); err != nil {
		return 0, err
	}
	var mean float64 // a running mean cannot overflow, unlike a sum of values near 1e308
	for i, v := range levels {
		if v < 0 {
			return 0, fieldErr("average inventory", indexed("levels", i), v, ErrNegative)
		}
		mean += (v - mean) / float64(i+1)
	}
	return mean, nil
}

// DaysOfInventory returns days of inventory (库存周转天数),
//
//	DOI = average inventory / COGS × days in the period = days / turnover,
//
// for COGS over period. Its arguments come in the order of [Turnover] (COGS first, then average
// inventory), so the two can be swapped for each other without reordering. It returns an error for
// a COGS that is not positive, a negative or non-finite inventory, or a period that is not positive.
func DaysOfInventory(cogs, avgInventory float64, period time.Duration) (float64, error) {
	if err := checkPos("days of inventory", "cogs", cogs); err != nil {
		return 0, err
	}
	if err := checkNonNeg("days of inventory", "avg_inventory", avgInventory); err != nil {
		return 0, err
	}
	if period <= 0 {
		return 0, fieldErr("days of inventory", "period", period, ErrNotPositive)
	}
	return result("days of inventory", avgInventory/cogs*days(period))
}

// SellThrough returns the sell-through rate (售罄率),
//
//	sell-through = units sold / (opening stock + units received),
//
// the share of the stock available in the period that sold. It returns an error for a negative or
// non-finite input or zero available stock.
func SellThrough(sold, opening, received float64) (float64, error) {
	for _, f := range [...]struct {
		name string
		v    float64
	}{{"sold", sold}, {"opening", opening}, {"received", received}} {
		if err := checkNonNeg("sell through", f.name, f.v); err != nil {
			return 0, err
		}
	}
	avail := opening + received
	if avail == 0 {
		return 0, detailErr("sell through", "received", received, ErrNotPositive, "opening + received is 0")
	}
	return result("sell through", sold/avail) // an overflowing avail gives 0, not an error: sold is finite
}

// ActiveRate returns 动销率, the share of SKUs with at least one sale in the period:
//
//	动销率 = #{SKUs with sales > 0} / #SKUs,
//
// with one entry per SKU carried in the period (units or orders sold). The source documents only
// mention 动销 inside 带动销售; this is the common Chinese retail definition. It returns an error for
// an empty list or a negative or non-finite entry.
func ActiveRate(salesPerSKU []float64) (float64, error) {
	if len(salesPerSKU) == 0 {
		return 0, fieldErr("active rate", "sales_per_sku", nil, ErrEmptyHistory)
	}
	if err := checkSlice("active rate", "sales_per_sku", salesPerSKU, false); err != nil {
		return 0, err
	}
	active := 0
	for i, v := range salesPerSKU {
		if v < 0 {
			return 0, fieldErr("active rate", indexed("sales_per_sku", i), v, ErrNegative)
		}
		if v > 0 {
			active++
		}
	}
	return float64(active) / float64(len(salesPerSKU)), nil
}

// GMROI returns the gross margin return on inventory investment,
//
//	GMROI = gross margin / average inventory at cost,
//
// the gross margin earned per yuan tied up in stock (Levy & Weitz, "Retailing Management", ch. 12).
// It returns an error for a non-finite margin (it may be negative) or an average inventory that is
// not positive.
func GMROI(grossMargin, avgInventoryCost float64) (float64, error) {
	if !isFinite(grossMargin) {
		return 0, fieldErr("gmroi", "gross_margin", grossMargin, ErrNotFinite)
	}
	if err := checkPos("gmroi", "avg_inventory_cost", avgInventoryCost); err != nil {
		return 0, err
	}
	return result("gmroi", grossMargin/avgInventoryCost)
}

// StockToSales returns the stock-to-sales ratio (存销比),
//
//	stock-to-sales = inventory value at the start of the period / sales in the period,
//
// both at retail or both at cost. It returns an error for a negative or non-finite stock or sales
// that are not positive.
func StockToSales(stock, sales float64) (float64, error) {
	if err := checkNonNeg("stock to sales", "stock", stock); err != nil {
		return 0, err
	}
	if err := checkPos("stock to sales", "sales", sales); err != nil {
		return 0, err
	}
	return result("stock to sales", stock/sales)
}
