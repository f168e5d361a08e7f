// The studio's URL keys, alone in a leaf module: the shell names them for its
// one link codec on every view, without loading the studio's codec.
export const TRAIN_PARAM_KEYS = [
  'data', 'pts', 'noise', 'split', 'k', 'dseed', 'feat', 'net', 'head', 'init', 'sigma', 'bias', 'seed', 'opt',
  'lr', 'mom', 'sched', 'dsteps', 'drate', 'bs', 'l1', 'l2', 'drop', 'clipn', 'clipv', 'speed', 'disc', 'test', 'cmp', 'cpts',
] as const;
