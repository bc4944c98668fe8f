// A Finnhub trades client in Go with gorilla/websocket, shaped like the program the relay was
// made for: one goroutine and one socket per client, all in one process. Pointed at a URL given
// on the command line, it prints everything that happens as JSON lines and runs until its
// standard input closes, then closes its sockets cleanly.
//
//	go-relay-client URL SYMBOLS [SYMBOLS...]
//
// Each SYMBOLS argument is one client: a comma-separated list it subscribes to. Output lines:
//
//	{"client":0,"event":"open"}
//	{"client":0,"event":"message","data":{...the frame as received...}}
//	{"client":0,"event":"closed","code":1006,"text":"..."}   (the server or the network ended it)
//	{"client":0,"event":"dial-error","text":"websocket: bad handshake","status":401}
//
// The exit status is 0 only when every client connected and none was closed before stdin ended.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/gorilla/websocket"
)

type line struct {
	Client int             `json:"client"`
	Event  string          `json:"event"`
	Data   json.RawMessage `json:"data,omitempty"`
	Code   int             `json:"code,omitempty"`
	Status int             `json:"status,omitempty"`
	Text   string          `json:"text,omitempty"`
}

var (
	outMu sync.Mutex
	out   = json.NewEncoder(os.Stdout)
)

func emit(l line) {
	outMu.Lock()
	defer outMu.Unlock()
	if err := out.Encode(l); err != nil {
		os.Exit(3)
	}
}

type client struct {
	id       int
	conn     *websocket.Conn
	done     chan struct{}
	mu       sync.Mutex
	stopping bool
	failed   bool
}

func (c *client) read() {
	defer close(c.done)
	for {
		_, data, err := c.conn.ReadMessage()
		if err != nil {
			c.mu.Lock()
			stopping := c.stopping
			c.mu.Unlock()
			code := websocket.CloseAbnormalClosure
			if closeErr, ok := err.(*websocket.CloseError); ok {
				code = closeErr.Code
			}
			if !stopping || code != websocket.CloseNormalClosure {
				emit(line{Client: c.id, Event: "closed", Code: code, Text: err.Error()})
				c.failed = !stopping
			}
			return
		}
		if !json.Valid(data) {
			emit(line{Client: c.id, Event: "message", Text: string(data)})
			continue
		}
		emit(line{Client: c.id, Event: "message", Data: data})
	}
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: go-relay-client URL SYMBOLS [SYMBOLS...]")
		os.Exit(2)
	}
	url := os.Args[1]
	clients := make([]*client, 0, len(os.Args)-2)
	ok := true
	var wg sync.WaitGroup
	var clientsMu sync.Mutex
	for i, list := range os.Args[2:] {
		wg.Add(1)
		go func(id int, symbols []string) {
			defer wg.Done()
			conn, response, err := websocket.DefaultDialer.Dial(url, nil)
			if err != nil {
				status := 0
				if response != nil {
					status = response.StatusCode
				}
				emit(line{Client: id, Event: "dial-error", Status: status, Text: err.Error()})
				clientsMu.Lock()
				ok = false
				clientsMu.Unlock()
				return
			}
			c := &client{id: id, conn: conn, done: make(chan struct{})}
			emit(line{Client: id, Event: "open"})
			for _, symbol := range symbols {
				message, _ := json.Marshal(map[string]string{"type": "subscribe", "symbol": symbol})
				if err := conn.WriteMessage(websocket.TextMessage, message); err != nil {
					emit(line{Client: id, Event: "write-error", Text: err.Error()})
				}
			}
			go c.read()
			clientsMu.Lock()
			clients = append(clients, c)
			clientsMu.Unlock()
		}(i, strings.Split(list, ","))
	}
	wg.Wait()

	// Run until the test closes standard input.
	_, _ = io.Copy(io.Discard, os.Stdin)

	for _, c := range clients {
		select {
		case <-c.done:
			// Already ended by the server: reported as "closed".
		default:
			c.mu.Lock()
			c.stopping = true
			c.mu.Unlock()
			_ = c.conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, "done"))
			<-c.done
		}
		_ = c.conn.Close()
		if c.failed {
			ok = false
		}
	}
	if !ok {
		os.Exit(1)
	}
}
