// Command gocases runs a table of text/template cases through real Go and writes it back with Go's
// output or error text: go run . < ../../resources/template/conformance/T.jsonl > new.jsonl
// Each line is {name, tpl, data?}; data is JSON whose integers become int. Template "t",
// option missingkey=zero, no extra functions (the tables avoid Sprig's names, e.g. slice).
// The reference is built with Go 1.22; the tables were generated with Go 1.19.8 and hold only
// cases whose text/template behaviour did not change between the two (no range-over-int,
// no else-with: both came later).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/template"
)

type tcase struct {
	Name string  `json:"name"`
	Tpl  string  `json:"tpl"`
	Data string  `json:"data,omitempty"`
	Out  *string `json:"out,omitempty"`
	Err  *string `json:"err,omitempty"`
}

func conv(v interface{}) interface{} {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return int(i)
		}
		f, _ := x.Float64()
		return f
	case map[string]interface{}:
		for k, e := range x {
			x[k] = conv(e)
		}
	case []interface{}:
		for i, e := range x {
			x[i] = conv(e)
		}
	}
	return v
}

func run(c *tcase) {
	var data interface{}
	if c.Data != "" {
		d := json.NewDecoder(strings.NewReader(c.Data))
		d.UseNumber()
		if err := d.Decode(&data); err != nil {
			panic(c.Name + ": " + err.Error())
		}
		data = conv(data)
	}
	c.Out, c.Err = nil, nil
	defer func() {
		if r := recover(); r != nil {
			s := fmt.Sprint("PANIC: ", r)
			c.Err = &s
		}
	}()
	t, err := template.New("t").Option("missingkey=zero").Parse(c.Tpl)
	if err != nil {
		s := err.Error()
		c.Err = &s
		return
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		s := err.Error()
		c.Err = &s
		return
	}
	s := b.String()
	c.Out = &s
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "//") {
			fmt.Fprintln(w, sc.Text())
			continue
		}
		var c tcase
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			panic(line + ": " + err.Error())
		}
		run(&c)
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.Encode(&c)
		w.Write(buf.Bytes())
	}
}
