// Written by the DemoConsole custom resource when the stack is deployed; empty in the source tree.
// For local use, pass the URLs as query parameters instead: index.html?hls=...&dash=...&mss=...&cmaf=...
window.LIVE_STREAMING_CONFIG = {
  "hls": "",
  "dash": "",
  "mss": "",
  "cmaf": "",
  "endpoint1": "",
  "endpoint2": "",
  "inputType": "",
  "hlsAds": "",
  "dashAds": "",
  "channelId": "",
  "region": ""
};
