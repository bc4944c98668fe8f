"""A Finnhub trades client in the style of Finnhub's own Python example (websocket-client),
pointed at a URL given on the command line. Prints every message it receives, one per line,
and exits after the given number of trade messages."""
import sys

import websocket

url, wanted, symbols = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
trades = 0


def on_message(ws, message):
    global trades
    print(message, flush=True)
    if '"type":"trade"' in message:
        trades += 1
        if trades >= wanted:
            ws.close()


def on_error(ws, error):
    print("error:", error, file=sys.stderr, flush=True)


def on_open(ws):
    for symbol in symbols:
        ws.send('{"type":"subscribe","symbol":"%s"}' % symbol)
    print('{"type":"subscribed"}', flush=True)


ws = websocket.WebSocketApp(url, on_message=on_message, on_error=on_error, on_open=on_open)
ws.run_forever()
