// The training studio's strings, registered when its chunk loads: the first
// load of the explorer and the softmax lab does not carry them. Every studio
// entry module imports this file first.
import { addStrings } from '../app/i18n';
import { TRAIN_STRINGS } from './train';
import { TRAIN_EXTRA_STRINGS } from './train-extras';
import { TRAIN_PRESET_STRINGS } from './train-presets';

export const STUDIO_TABLES = [TRAIN_STRINGS, TRAIN_PRESET_STRINGS, TRAIN_EXTRA_STRINGS] as const;
addStrings(...STUDIO_TABLES);
