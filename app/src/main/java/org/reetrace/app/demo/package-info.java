/**
 * What {@code reetrace demo} loads, so that a first look at reetrace has something to show: a small mine-to-magnet
 * chain whose registry and events are fixed data ({@code demo/registry.json} and {@code demo/events.json}, read by
 * {@link org.reetrace.app.demo.DemoChain}) and a simulated national year with frauds for the analytics to find
 * ({@link org.reetrace.app.demo.DemoYear}, run by the simulator), both booked through the same registry and ledger
 * writer as any other events ({@link org.reetrace.app.demo.DemoLoader}, {@link org.reetrace.app.demo.SimulatedChain}),
 * and the tokens to look at them with ({@link org.reetrace.app.demo.DemoTokens}).
 */
package org.reetrace.app.demo;
