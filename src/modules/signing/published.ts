/** The one Ed25519 signing service (keys, rotation, public-key list) other modules sign their QR codes with. */
export { createSigningKeys, type Signer, type SigningKeys } from './service.ts';
