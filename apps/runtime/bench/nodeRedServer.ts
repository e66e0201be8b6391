// The Node-RED baseline of `pnpm bench`: Node-RED 4 in a process of its own, serving one stateless menu turn
// (http-in POST → function → http-response), with the same /stats endpoints as the runtime's bench server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import RED from 'node-red';
import { processStatsRouter } from './processStats.ts';

// The menu of bench/benchMenuLoop.ts as one function node: parse the digit, pick the reply, answer the same outputs
// (the answer, the menu prompt again, the chat choices) that the runtime's turn answers, without any session state.
const MENU_TURN = `
const text = String(msg.payload && msg.payload.input && msg.payload.input.text || '').trim();
const replies = { '1': 'Your balance is fine.', '2': 'Your cards are fine.' };
const outputs = [];
if (replies[text] !== undefined) outputs.push({ type: 'say', nodeId: text === '1' ? 'balance' : 'cards', text: replies[text], locale: 'en-US', bargeIn: true });
else outputs.push({ type: 'say', nodeId: 'menu', text: 'Sorry, I did not get that.', locale: 'en-US', bargeIn: true });
outputs.push({ type: 'say', nodeId: 'menu', text: 'Main menu. Balance or cards?', locale: 'en-US', bargeIn: true });
outputs.push({ type: 'prompt', nodeId: 'menu', channel: 'chat', expect: { sensitive: false, noInputTimeoutMs: 5000, bargeIn: true, choices: [{ value: '1', label: 'Balance' }, { value: '2', label: 'Cards' }] } });
msg.payload = { session: { status: 'active', nodeId: 'menu', outputs } };
return msg;
`;

const FLOW = [
  { id: 'menuTab', type: 'tab', label: 'Menu turn' },
  {
    id: 'turnIn',
    type: 'http in',
    z: 'menuTab',
    name: 'turn',
    url: '/turn',
    method: 'post',
    upload: false,
    swaggerDoc: '',
    wires: [['menuTurn']],
  },
  {
    id: 'menuTurn',
    type: 'function',
    z: 'menuTab',
    name: 'menu turn',
    func: MENU_TURN,
    outputs: 1,
    timeout: 0,
    noerr: 0,
    initialize: '',
    finalize: '',
    libs: [],
    wires: [['turnOut']],
  },
  { id: 'turnOut', type: 'http response', z: 'menuTab', name: '', statusCode: '', headers: {}, wires: [] },
];

const userDir = mkdtempSync(join(tmpdir(), 'omniflow-bench-node-red-'));
writeFileSync(join(userDir, 'flows.json'), JSON.stringify(FLOW));

// Node-RED's own HTTP app for http-in nodes, as its red.js serves it with httpNodeRoot '/' (without red.js's outer
// express app, one router layer less: if anything, a slightly cheaper baseline). No editor, no admin API.
const server = createServer((req, res) => RED.httpNode(req, res));
RED.init(server, {
  userDir,
  flowFile: 'flows.json',
  httpAdminRoot: false,
  httpNodeRoot: '/',
  credentialSecret: false,
  logging: { console: { level: 'warn', metrics: false, audit: false } },
});
await RED.start();
server.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));

const statsServer = express().use(processStatsRouter()).listen(0, '127.0.0.1');
await new Promise((resolve) => statsServer.once('listening', resolve));

const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
process.stdout.write(`${JSON.stringify({ nodeRedUrl: `${urlOf(server)}/turn`, statsUrl: urlOf(statsServer) })}\n`);

process.once('SIGTERM', () => {
  statsServer.close();
  server.close();
  void RED.stop().finally(() => {
    rmSync(userDir, { recursive: true, force: true });
    process.exit(0);
  });
});
