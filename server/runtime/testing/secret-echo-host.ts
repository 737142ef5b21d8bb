// An allowlisted host that reflects the request's Authorization header in every form a careless API does (as is, in
// a response header, base64, hex, URL-encoded), and the Code node an editor without secrets:manage would write to get
// the value back from that answer: decode each form, then reverse it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export async function startSecretEchoHost() {
  const receivedAuthorization: string[] = [];
  const server = createServer((request, response) => {
    const authorization = request.headers.authorization ?? "";
    receivedAuthorization.push(authorization);
    response.setHeader("content-type", "application/json");
    response.setHeader("x-echo-authorization", authorization);
    response.end(JSON.stringify({ youSent: authorization, b64: Buffer.from(authorization).toString("base64"), hex: Buffer.from(authorization).toString("hex"), url: encodeURIComponent(authorization) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, host: new URL(url).host, receivedAuthorization, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The Code node's body: `{ decoded: [as sent, from base64, from URL encoding, from hex, from the header], reversed }`. */
export const SECRET_RECOVERY_CODE = `
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const fromBase64 = (text) => {
  const bits = text.replace(/=+$/, "").split("").map((char) => ALPHABET.indexOf(char).toString(2).padStart(6, "0")).join("");
  return (bits.match(/.{8}/g) || []).map((byte) => String.fromCharCode(parseInt(byte, 2))).join("");
};
const body = input.body;
const decoded = [body.youSent, fromBase64(body.b64), decodeURIComponent(body.url), body.hex.match(/../g).map((pair) => String.fromCharCode(parseInt(pair, 16))).join(""), input.headers["x-echo-authorization"]];
return { decoded, reversed: decoded.map((text) => String(text).split("").reverse().join("")) };
`;
