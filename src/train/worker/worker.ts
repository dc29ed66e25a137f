/**
 * The training worker's entry: routes each Request to the session and posts its Reply, so the page stays
 * responsive while tfjs trains. Calls run concurrently: pause and stop arrive while `train` is running.
 */
import { loadImageFolder } from '../datasets/image-decode.ts';
import { loadMnist } from '../datasets/mnist-load.ts';
import { serveSession, type ServerPort } from './serve.ts';

// The DOM typings describe `self` as a window; in a dedicated worker it is the port to the page.
serveSession(self as unknown as ServerPort, { mnist: loadMnist, images: loadImageFolder });
