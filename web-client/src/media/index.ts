/**
 * WebRTC/media helpers for the softphone: quality scoring, local conference mixing, screen
 * sharing, reconnection, call persistence, autoplay/notifications, tones and devices.
 * Self-contained (no JsSIP dependency) so the SIP/UI layer can use them piecemeal.
 */
export * from './mos';
export * from './quality';
export * from './conference';
export * from './screenshare';
export * from './reconnect';
export * from './persistence';
export * from './autoplay';
export * from './tones';
export * from './devices';
