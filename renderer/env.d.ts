/// <reference types="vite/client" />
import type { XasoBridge } from '../main/service/contract';

declare global {
  interface Window {
    /** Present in Electron only: the preload's named API. */
    xaso?: XasoBridge;
  }
}
