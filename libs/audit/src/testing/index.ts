// Reference implementations and instrumented stores, for specs and test/ only (`@app/audit/testing`).
export { NaiveMerkle } from './naive-merkle';
export { ConstantLeafStore, CountingStore } from './stores';
export { cutTileAt, overwriteStoredNode, storedNodes } from './tiles';
