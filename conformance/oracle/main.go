// Command oracle answers conformance cases with Go's own libraries, so the Java ports can be
// compared with them case by case (see conformance/README.md):
//
//   - template: text/template with only Go's builtin functions and missingkey=zero, as the
//     reference runner sets it: Parse's or Execute's exact error text, else the output;
//   - yaml: how gopkg.in/yaml.v2 resolves a plain scalar (its resolve("", in)): tag, the Go type
//     and value a decode into interface{} gives;
//   - ignore: a .dockerignore text read as the Docker CLI reads it, then
//     patternmatcher.New and MatchesOrParentMatches for each path.
//
// It reads one JSON case per line on stdin and writes one JSON result per line on stdout.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
	_ "unsafe" // for go:linkname

	"github.com/moby/patternmatcher"
	_ "gopkg.in/yaml.v2"
)

// yamlResolve is yaml.v2's unexported resolver: the exact function its decoder applies to a
// plain scalar, without having to write the scalar into a YAML document first. (Go 1.23 and
// later refuse such a link unless built with -ldflags=-checklinkname=0; Debian's 1.19 does not.)
//
//go:linkname yamlResolve gopkg.in/yaml%2ev2.resolve
func yamlResolve(tag string, in string) (string, interface{})

type testCase struct {
	ID    string          `json:"id"`
	Kind  string          `json:"kind"`
	Text  string          `json:"text"`
	Data  json.RawMessage `json:"data"`
	Paths []string        `json:"paths"`
}

type result struct {
	ID string `json:"id"`
	// template
	Stage string `json:"stage,omitempty"` // "parse" or "exec" when Err is set
	Out   string `json:"out"`
	Err   string `json:"err,omitempty"`
	// yaml
	Tag   string `json:"tag,omitempty"`
	Type  string `json:"type,omitempty"`
	Value string `json:"value,omitempty"`
	// ignore: "true", "false" or "error: <text>" per path
	Matches []string `json:"matches,omitempty"`
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for in.Scan() {
		var c testCase
		if err := json.Unmarshal(in.Bytes(), &c); err != nil {
			fmt.Fprintln(os.Stderr, "oracle: bad case:", err)
			os.Exit(2)
		}
		var r result
		switch c.Kind {
		case "template":
			r = runTemplate(c)
		case "yaml":
			r = runYaml(c)
		case "ignore":
			r = runIgnore(c)
		default:
			fmt.Fprintln(os.Stderr, "oracle: unknown kind:", c.Kind)
			os.Exit(2)
		}
		r.ID = c.ID
		if err := enc.Encode(r); err != nil {
			fmt.Fprintln(os.Stderr, "oracle:", err)
			os.Exit(2)
		}
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "oracle:", err)
		os.Exit(2)
	}
}

func runTemplate(c testCase) (r result) {
	var data interface{}
	if len(c.Data) > 0 {
		d := json.NewDecoder(bytes.NewReader(c.Data))
		d.UseNumber()
		var raw interface{}
		if err := d.Decode(&raw); err != nil {
			fmt.Fprintln(os.Stderr, "oracle: bad data:", err)
			os.Exit(2)
		}
		data = goValue(raw)
	}
	t, err := template.New("t").Option("missingkey=zero").Parse(c.Text)
	if err != nil {
		return result{Stage: "parse", Err: err.Error()}
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return result{Stage: "exec", Err: err.Error(), Out: buf.String()}
	}
	return result{Out: buf.String()}
}

// goValue turns decoded JSON into the values the reference sees: integers as int, other numbers
// as float64, objects as map[string]interface{}, arrays as []interface{}.
func goValue(v interface{}) interface{} {
	switch x := v.(type) {
	case json.Number:
		s := string(x)
		if !strings.ContainsAny(s, ".eE") {
			if i, err := strconv.Atoi(s); err == nil {
				return i
			}
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			fmt.Fprintln(os.Stderr, "oracle: bad number:", s)
			os.Exit(2)
		}
		return f
	case []interface{}:
		for i := range x {
			x[i] = goValue(x[i])
		}
		return x
	case map[string]interface{}:
		for k := range x {
			x[k] = goValue(x[k])
		}
		return x
	}
	return v
}

func runYaml(c testCase) result {
	tag, v := yamlResolve("", c.Text)
	r := result{Tag: shortTag(tag)}
	if tag == "tag:yaml.org,2002:timestamp" {
		// yaml.v2 decodes a timestamp into interface{} as its text (decode.go, "for backward
		// compatibility"), and into a string field as its text too.
		v = c.Text
	}
	r.Type = fmt.Sprintf("%T", v)
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) {
			r.Value = "NaN"
		} else {
			// The exact bits, so no float formatting is compared, only the value.
			r.Value = fmt.Sprintf("%016x", math.Float64bits(x))
		}
	case nil:
		r.Value = "<nil>"
	default:
		r.Value = fmt.Sprint(x)
	}
	return r
}

func shortTag(tag string) string {
	if strings.HasPrefix(tag, "tag:yaml.org,2002:") {
		return "!!" + tag[len("tag:yaml.org,2002:"):]
	}
	return tag
}

func runIgnore(c testCase) result {
	excludes, err := readAll(c.Text)
	if err != nil {
		return result{Err: err.Error()}
	}
	if _, err := patternmatcher.New(excludes); err != nil {
		return result{Err: err.Error()}
	}
	r := result{Matches: []string{}}
	for _, p := range c.Paths {
		// A fresh matcher per path: a pattern whose regexp failed to compile stays half-compiled
		// and panics the next time it is used; the CLI stops at the first error anyway.
		pm, _ := patternmatcher.New(excludes)
		m, err := pm.MatchesOrParentMatches(p)
		if err != nil {
			r.Matches = append(r.Matches, "error: "+err.Error())
		} else {
			r.Matches = append(r.Matches, strconv.FormatBool(m))
		}
	}
	return r
}

// readAll is the Docker CLI's .dockerignore reader (moby's ignorefile.ReadAll, not packaged
// here): a UTF-8 BOM dropped, lines starting with # skipped, spaces trimmed, a leading ! kept
// apart, the rest filepath.Clean'ed with a leading / removed.
func readAll(text string) ([]string, error) {
	var excludes []string
	currentLine := 0
	utf8bom := []byte{0xEF, 0xBB, 0xBF}
	scanner := bufio.NewScanner(strings.NewReader(text))
	for scanner.Scan() {
		scannedBytes := scanner.Bytes()
		if currentLine == 0 {
			scannedBytes = bytes.TrimPrefix(scannedBytes, utf8bom)
		}
		pattern := string(scannedBytes)
		currentLine++
		if strings.HasPrefix(pattern, "#") {
			continue
		}
		pattern = strings.TrimSpace(pattern)
		if pattern == "" {
			continue
		}
		invert := pattern[0] == '!'
		if invert {
			pattern = strings.TrimSpace(pattern[1:])
		}
		if len(pattern) > 0 {
			pattern = filepath.Clean(pattern)
			pattern = filepath.ToSlash(pattern)
			if len(pattern) > 1 && pattern[0] == '/' {
				pattern = pattern[1:]
			}
		}
		if invert {
			pattern = "!" + pattern
		}
		excludes = append(excludes, pattern)
	}
	if err := scanner.Err(); err != nil {
		return nil, fmt.Errorf("error reading .dockerignore: %w", err)
	}
	return excludes, nil
}
