import { defineBackground } from '#imports';

// The background will host DNS-over-HTTPS and diagnosis for the content scripts (see lib/).
// It stays empty until those message handlers land; nothing here may run at import time.
export default defineBackground(() => {});
