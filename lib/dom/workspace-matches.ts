/** Where the overlay runs on a real org: the Dynamics 365 agent workspace, any region. */
export const WORKSPACE_MATCHES = ['https://*.dynamics.com/main.aspx*'];
