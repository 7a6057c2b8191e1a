/** Custom messages between client and server, declared once for both sides. */
export namespace ServerStatusNotification {
  export const method = 'shipshape/serverStatus';
  export interface Params {
    kubernetesVersion: string;
    state: 'ready' | 'error';
    message?: string;
  }
}
