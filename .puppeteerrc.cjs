// Never download a browser: the e2e tests use the system Chromium (/usr/bin/chromium or CHROME_PATH).
module.exports = { skipDownload: true };
