package promo_test

import (
	"errors"
	"fmt"

	"github.com/opskit/opskit/promo"
)

// exampleSeed stands for the caller's secret: 32 bytes from crypto/rand,
// kept with the campaign like a password.
var exampleSeed = []byte("store-11-11-coupon-secret-32byte")

func ExampleNormalizeCode() {
	fmt.Println(promo.NormalizeCode(" sd11-vuyv se8xf "))
	fmt.Println(promo.NormalizeCode("ＳＤ１１ＶＵＹＶＳＥ８ＸＦ\u3000")) // typed with a Chinese input method
	// Output:
	// SD11VUYVSE8XF
	// SD11VUYVSE8XF
}

func ExampleNewCodeFormat() {
	f, err := promo.NewCodeFormat("sd11", 8)
	fmt.Println(f, err)
	_, err = promo.NewCodeFormat("SD11", 4)
	fmt.Println(err)
	// Output:
	// SD11 + 8 + check (13 characters) <nil>
	// promo: new code format: body_len 4: invalid code format: want 6 to 24
}

func ExampleMustCodeFormat() {
	f := promo.MustCodeFormat("VIP", 6)
	fmt.Println(f.Prefix(), f.BodyLen(), f.Len(), f.IsValid())
	// Output:
	// VIP 6 10 true
}

func ExampleCodeFormat_Capacity() {
	fmt.Println(promo.MustCodeFormat("SD11", 6).Capacity())
	fmt.Println(promo.MustCodeFormat("SD11", 8).Capacity())
	// Output:
	// 887503
	// 852891037
}

func ExampleCodeFormat_Generate() {
	f := promo.MustCodeFormat("SD11", 8)
	batch1, _ := f.Generate(exampleSeed, 0, 3)
	batch2, _ := f.Generate(exampleSeed, 3, 2) // the next batch starts where the last ended
	fmt.Println(batch1, batch2)
	again, _ := f.Generate(exampleSeed, 0, 3)
	fmt.Println(fmt.Sprint(again) == fmt.Sprint(batch1))
	// Output:
	// [SD11HG3WD5VDT SD11EVYUFYRM4 SD11UVKT6KEFF] [SD1167M6DZWXR SD11BV3JEBHM6]
	// true
}

func ExampleCodeFormat_Code() {
	f := promo.MustCodeFormat("SD11", 8)
	code, _ := f.Code(exampleSeed, 1)
	fmt.Println(code)
	// Output:
	// SD11EVYUFYRM4
}

func ExampleCodeFormat_Check() {
	f := promo.MustCodeFormat("SD11", 8)
	for _, typed := range []string{
		"sd11-evyu-fyrm-4", // the customer's spelling: accepted
		"SDIL EVYU FYRM4",  // look-alikes in the prefix: accepted
		"SD11EVYUFYRM",     // a character missing
		"SD12EVYUFYRM4",    // another campaign
		"SD11EVYUFY0M4",    // 0 is not in the alphabet
		"SD11VEYUFYRM4",    // two neighbours swapped
		"SD11EVYUFYRN4",    // one character mistyped
	} {
		code, err := f.Check(typed)
		var ce *promo.CodeError
		switch {
		case err == nil:
			fmt.Println("ok", code)
		case errors.Is(err, promo.ErrCodeCharacter) && errors.As(err, &ce):
			fmt.Printf("bad character %q at %d\n", ce.Char, ce.Pos)
		default:
			fmt.Println(err)
		}
	}
	// Output:
	// ok SD11EVYUFYRM4
	// ok SD11EVYUFYRM4
	// promo: check code: code "SD11EVYUFYRM": invalid coupon code: wrong code length: want 13 characters, got 12
	// promo: check code: code "SD12EVYUFYRM4": invalid coupon code: wrong code prefix: want "SD11"
	// bad character '0' at 11
	// promo: check code: code "SD11VEYUFYRM4": invalid coupon code: check character mismatch: a mistyped character or two swapped neighbours
	// promo: check code: code "SD11EVYUFYRN4": invalid coupon code: check character mismatch: a mistyped character or two swapped neighbours
}

func ExampleCodeFormat_Index() {
	f := promo.MustCodeFormat("SD11", 8)
	issued := uint64(5) // codes 0..4 were given out
	for _, code := range []string{"SD11BV3JEBHM6", "SD11222222222"} {
		i, err := f.Index(exampleSeed, code)
		fmt.Println(i, err, err == nil && i < issued)
	}
	// Output:
	// 4 <nil> true
	// 0 promo: code index: code "SD11222222222": code not issued by this seed false
}
