/** `npm run simulator`: start the e-LAAS simulator on 127.0.0.1 (PORT from the environment). */
import { startSimulator } from './server';

const port = Number(process.env.PORT ?? 8569);
const sim = await startSimulator({ port: Number.isInteger(port) ? port : 8569 });
console.log(`e-LAAS simulator: ${sim.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void sim.close().then(() => process.exit(0)));
}
