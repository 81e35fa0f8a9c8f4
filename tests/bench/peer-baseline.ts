/**
 * The peer baseline for the page's part of a tap: a bare page holding a WebSocket to a bare
 * `ws` server in this process; the server sends one small message, the page writes it into
 * the DOM and reports the task after the next rAF. No station code at all: what this takes is
 * the browser, the loopback and the machine, which no change of ours can remove.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from '@playwright/test';
import { WebSocketServer } from 'ws';

const PAGE = `<!doctype html><html><body><div id="out">waiting</div><script>
  window.__painted = [];
  const ws = new WebSocket(location.href.replace('http', 'ws'));
  ws.onmessage = (event) => {
    document.getElementById('out').textContent = event.data;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__painted.push(performance.timeOrigin + performance.now());
      channel.port2.postMessage(0);
    });
  };
  ws.onopen = () => (window.__open = true);
</script></body></html>`;

/** Sends `samples` messages one at a time; returns send → painted per message, ms. */
export async function peerBaseline(browser: Browser, samples: number): Promise<number[]> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE));
  const wss = new WebSocketServer({ server });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const page = await browser.newPage();
  try {
    const socket = new Promise<import('ws').WebSocket>((resolve) => wss.once('connection', resolve));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const ws = await socket;
    await page.waitForFunction('window.__open === true');
    const out: number[] = [];
    for (let i = 0; i < samples; i++) {
      const sentAt = performance.timeOrigin + performance.now();
      ws.send(`{"type":"event","event":"checkIn","n":${i}}`);
      await page.waitForFunction(`window.__painted.length > ${i}`, undefined, { polling: 'raf' });
      out.push(Number(await page.evaluate(`window.__painted[${i}]`)) - sentAt);
    }
    return out;
  } finally {
    await page.close();
    wss.close();
    server.close();
  }
}
