// Main process ↔ broker: connect to the user's broker, or start one as a utilityProcess.
import { utilityProcess } from 'electron';
import { BrokerClient } from '../cli/broker-client';

/** Connect to a running broker or fork one (Electron's utilityProcess) and wait until it is ready. */
export async function connectBroker(socketPath: string, brokerEntry: string): Promise<BrokerClient> {
  try {
    return await BrokerClient.connect(socketPath, 'app');
  } catch {
    // Not running: start it.
  }
  const child = utilityProcess.fork(brokerEntry, [], { serviceName: 'Latch broker', stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the Latch broker did not start within 10 s')), 10_000);
    child.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      // 75: another broker won the race; connect to it.
      if (code === 75) resolve();
      else reject(new Error(`the Latch broker exited at start (code ${code})`));
    });
  });
  return BrokerClient.connect(socketPath, 'app');
}
