// The standalone studio page's entry: starts the training worker first, then
// loads the page itself (train-page.ts). A new worker needs a few short tasks
// of the page's main thread to start; started here, they run while the
// page's modules are still loading, not after their evaluation (one long
// task), so the worker has loaded its engine by the time the studio mounts.
import '../../styles/tokens.css';
import '../../styles/utility.css';
import './styles/train-page.css';
import { simdSupported } from '../../engine/simd-detect';
import { prewarmTrainWorker } from './model/worker-start';

prewarmTrainWorker(simdSupported() ? 'simd' : 'scalar');
void import('./train-page');
