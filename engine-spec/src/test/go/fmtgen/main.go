// Command fmtgen prints the golden cases of go-fmt-conformance.yaml from real Go:
// each template runs through text/template (printf is fmt.Sprintf) with the given data.
//
//	cd engine-spec/src/test/go/fmtgen && go run . > ../../resources/template/golden/go-fmt-conformance.yaml
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/template"
)

type tc struct{ name, tpl, data string }

var cases = []tc{
	// width, precision and flags apply inside %!verb(type=value)
	{"width kept in bad verb", `{{printf "%10s" 0}}`, ``},
	{"plus kept in bad verb", `{{printf "%+s" 5}}`, ``},
	{"precision kept in bad verb", `{{printf "%.2d" 1.5}}`, ``},
	{"bad verb of string with width", `{{printf "%-6d|" "ab"}}`, ``},
	{"bad verb of bool", `{{printf "%d" true}}`, ``},
	{"bad verb of nil", `{{printf "%d" nil}}`, ``},
	{"bad verb of list", `{{printf "%d" .l}}`, `{"l":["a",1]}`},
	// %+v of numbers
	{"plus v int", `{{printf "%+v" 42}}`, ``},
	{"plus v float", `{{printf "%+v" 4.5}}`, ``},
	{"plus d int", `{{printf "%+d" 42}}`, ``},
	{"plus v list", `{{printf "%+v" .l}}`, `{"l":[1,-2]}`},
	// %#v Go syntax
	{"sharp v string", `{{printf "%#v" "a"}}`, ``},
	{"sharp v int", `{{printf "%#v" 7}}`, ``},
	{"sharp v float", `{{printf "%#v" 1.0}}`, ``},
	{"sharp v bool", `{{printf "%#v" true}}`, ``},
	{"sharp v nil", `{{printf "%#v" nil}}`, ``},
	{"sharp v list", `{{printf "%#v" .l}}`, `{"l":["a",1]}`},
	{"sharp v list with nil", `{{printf "%#v" .l}}`, `{"l":["a",null]}`},
	{"sharp v map", `{{printf "%#v" .m}}`, `{"m":{"b":"x","a":1,"c":[true]}}`},
	{"sharp v empty list", `{{printf "%#v" .l}}`, `{"l":[]}`},
	{"nil element any verb", `{{printf "%d" .l}}`, `{"l":[1,null]}`},
	// floats in binary and hex
	{"x float", `{{printf "%x" 1.0}}`, ``},
	{"x float fraction", `{{printf "%x" 3.5}}`, ``},
	{"X float", `{{printf "%X" -0.1}}`, ``},
	{"sharp x float", `{{printf "%#x" 1.0}}`, ``},
	{"x float precision", `{{printf "%.2x" 1.999}}`, ``},
	{"x float zero", `{{printf "%x" 0.0}}`, ``},
	{"b float", `{{printf "%b" 1.0}}`, ``},
	{"b float negative", `{{printf "%b" -2.5}}`, ``},
	{"x float width", `{{printf "%12x|" 2.0}}`, ``},
	{"sharp g float", `{{printf "%#g" 1.0}}`, ``},
	{"sharp e float", `{{printf "%#.0e" 5.0}}`, ``},
	{"F float", `{{printf "%F" 2.5}}`, ``},
	{"zero padded negative float", `{{printf "%08.2f" -3.14159}}`, ``},
	{"space float", `{{printf "% .1f" 2.0}}`, ``},
	// %% and extra arguments
	{"percent with extra arg", `{{printf "%%" 1}}`, ``},
	{"percent with width and extra", `{{printf "%5%" "a"}}`, ``},
	{"extra nil", `{{printf "x" nil 2.5}}`, ``},
	{"extra list", `{{printf "" .l}}`, `{"l":["a"]}`},
	// argument indexes
	{"index 2 then 1", `{{printf "%[2]d %[1]d" 1 2}}`, ``},
	{"index repeats", `{{printf "%[1]s %[1]q" "a"}}`, ``},
	{"index continues", `{{printf "%[2]d %d" 1 2 3}}`, ``},
	{"bad index", `{{printf "%[3]d" 1 2}}`, ``},
	{"bad index zero", `{{printf "%[0]d" 1}}`, ``},
	{"bad index text", `{{printf "%[x]d" 1}}`, ``},
	{"index width star", `{{printf "%[2]*[1]d" 12 5}}`, ``},
	{"index then width is bad", `{{printf "%[1]2d" 5}}`, ``},
	{"reordered skips extra", `{{printf "%[1]d" 1 2}}`, ``},
	{"unclosed index", `{{printf "%[1d" 1}}`, ``},
	// width and precision from arguments
	{"star width negative", `{{printf "%*d|" -4 7}}`, ``},
	{"star width not int", `{{printf "%*d" 1.5 7}}`, ``},
	{"star precision", `{{printf "%.*f" 2 3.14159}}`, ``},
	{"star precision negative", `{{printf "%.*d" -1 7}}`, ``},
	{"no verb", `{{printf "%5"}}`, ``},
	{"trailing dot", `{{printf "%5." 3}}`, ``},
	{"missing", `{{printf "%s %s" "a"}}`, ``},
	// runes
	{"c negative", `{{printf "%c" -1}}`, ``},
	{"q negative", `{{printf "%q" -1}}`, ``},
	{"c surrogate", `{{printf "%c" 55296}}`, ``},
	{"c too large", `{{printf "%c" 1114112}}`, ``},
	{"U negative", `{{printf "%U" -1}}`, ``},
	{"sharp U", `{{printf "%#U" 9731}}`, ``},
	{"plus q rune", `{{printf "%+q" 9731}}`, ``},
	{"q newline rune", `{{printf "%q" 10}}`, ``},
	// integers
	{"sharp zero x", `{{printf "%#08x" 255}}`, ``},
	{"sharp o", `{{printf "%#o" 8}}`, ``},
	{"O", `{{printf "%O" 8}}`, ``},
	{"sharp b", `{{printf "%#b" 5}}`, ``},
	{"precision zero of zero", `{{printf "%.0d|" 0}}`, ``},
	{"precision and zero flag", `{{printf "%08.3d" 7}}`, ``},
	{"minus overrides zero", `{{printf "%-05d|" 7}}`, ``},
	{"space d", `{{printf "% d" 7}}`, ``},
	{"x negative", `{{printf "%x" -255}}`, ``},
	// strings
	{"sharp q backquote", `{{printf "%#q" "a\"b"}}`, ``},
	{"plus q string", `{{printf "%+q" "☃"}}`, ``},
	{"x string spaced", `{{printf "% #x" "hi"}}`, ``},
	{"zero padded string", `{{printf "%05s" "ab"}}`, ``},
	{"precision x string", `{{printf "%.1x" "hi"}}`, ``},
	{"T padded", `{{printf "%8T|" 1}}`, ``},
	{"T of list", `{{printf "%T" .l}}`, `{"l":[]}`},
	{"T of map", `{{printf "%T" .m}}`, `{"m":{}}`},
	{"s of map", `{{printf "%s" .m}}`, `{"m":{"a":1}}`},
	{"q of map", `{{printf "%q" .m}}`, `{"m":{"a":"x"}}`},
	{"width on list elements", `{{printf "%3d" .l}}`, `{"l":[1,2]}`},
}

func decode(s string) interface{} {
	if s == "" {
		return nil
	}
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var v interface{}
	if err := d.Decode(&v); err != nil {
		panic(err)
	}
	return fix(v)
}

func fix(v interface{}) interface{} {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return int(i)
		}
		f, _ := x.Float64()
		return f
	case []interface{}:
		for i := range x {
			x[i] = fix(x[i])
		}
	case map[string]interface{}:
		for k := range x {
			x[k] = fix(x[k])
		}
	}
	return v
}

func q(s string) string {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(s); err != nil {
		panic(err)
	}
	return strings.TrimSpace(b.String())
}

func main() {
	fmt.Println("# Generated by engine-spec/src/test/go/fmtgen from Go's own text/template and fmt; do not edit.")
	for _, c := range cases {
		var out bytes.Buffer
		if err := template.Must(template.New("t").Parse(c.tpl)).Execute(&out, decode(c.data)); err != nil {
			fmt.Fprintln(os.Stderr, c.name, err)
			os.Exit(1)
		}
		data := ""
		if c.data != "" {
			data = ", data: " + c.data
		}
		fmt.Printf("- {name: %s, mode: go%s, template: %s, expect: %s}\n", q(c.name), data, q(c.tpl), q(out.String()))
	}
}
