// Jest: the web UI's style sheets are Vite's business; a spec that imports a page gets an empty module.
module.exports = {};
