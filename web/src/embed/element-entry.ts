// The entry of dist/nn-playground.js (vite.element.config.mjs): one
// self-contained script that defines <nn-playground> when loaded.
import { defineNnPlayground } from './nn-playground';

defineNnPlayground();
