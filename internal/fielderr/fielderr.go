// Package fielderr formats the message of the library's one error shape.
// Every package declares its own FieldError type with the fields Op, Field,
// Value, Err and Detail (a type cannot be shared without an import between
// packages), and each one's Error method calls [Message], so the five read
// alike by construction; a root test checks the types field by field.
package fielderr

import "strings"

// Message returns "PKG: OP: FIELD VALUE: REASON: DETAIL" without the parts
// that are empty, where REASON is err's message with a leading "PKG: "
// removed (a sentinel of the same package) and kept otherwise (an error of
// another package says where it comes from).
func Message(pkg, op, field, value string, err error, detail string) string {
	var b strings.Builder
	b.WriteString(pkg)
	b.WriteString(": ")
	b.WriteString(op)
	switch {
	case field != "":
		b.WriteString(": ")
		b.WriteString(field)
		if value != "" {
			b.WriteString(" ")
			b.WriteString(value)
		}
	case value != "":
		b.WriteString(": ")
		b.WriteString(value)
	}
	if err != nil {
		b.WriteString(": ")
		b.WriteString(strings.TrimPrefix(err.Error(), pkg+": "))
	}
	if detail != "" {
		b.WriteString(": ")
		b.WriteString(detail)
	}
	return b.String()
}
