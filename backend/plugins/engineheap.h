#pragma once
// What Qt 6.4 does not tell publicly about a plugin's QML engine.
//
// How much memory it holds for its scripts: the
// collector's heap (objects, arrays, large items), what strings keep beside
// it, and ArrayBuffers. Qt 6.4 offers no public figure for this; the engine's
// private memory manager has one for the first two, and ArrayBuffer data is
// counted by no one (Qt 6.4 allocates it outside the collector's view and
// does not add it to the unmanaged heap size), so they are found by a walk
// over the engine's live objects.

#include <cstddef>

class QJSEngine;

namespace gridwall::plugins {

struct EngineHeap
{
    std::size_t managed = 0;      // slots in use and large items of the collector's heap
    std::size_t unmanaged = 0;    // memory the collector's items hold beside it (string data)
    std::size_t arrayBuffers = 0; // data of every ArrayBuffer and typed array not yet collected
    std::size_t total() const { return managed + unmanaged + arrayBuffers; }
};

// The engine's heap now. Only on the engine's own thread, between scripts:
// the walk reads objects the running scripts and the collector change.
// Stops counting ArrayBuffers once the total passes `enough` (0: count all).
EngineHeap measureHeap(QJSEngine &engine, std::size_t enough = 0);

// Whether the engine is running a script now (a frame of its own is on the
// GUI thread's stack). Callable from another thread: the answer may be a
// moment old. Qt 6.4 has no public figure for this either; the watchdog uses
// it to interrupt only the engine that holds the GUI thread, never one that
// is idle while the wall's own work (a slow frame) holds it.
bool runsScript(const QJSEngine &engine);

} // namespace gridwall::plugins
