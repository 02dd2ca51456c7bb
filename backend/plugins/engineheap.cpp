#include "engineheap.h"

#include <QJSEngine>

#include <atomic>

#include <private/qv4arraybuffer_p.h>
#include <private/qv4engine_p.h>
#include <private/qv4mm_p.h>
#include <private/qv4mmdefs_p.h>

namespace gridwall::plugins {

namespace {

// The data length when `item` is an ArrayBuffer (typed arrays and DataViews hold one), else 0.
std::size_t arrayBufferBytes(QV4::HeapItem *item)
{
    static const QV4::VTable *const plain = QV4::ArrayBuffer::staticVTable();
    static const QV4::VTable *const shared = QV4::SharedArrayBuffer::staticVTable();
    const auto *base = item->as<QV4::Heap::Base>();
    const QV4::Heap::InternalClass *ic = base->internalClass;
    if (!ic || (ic->vtable != plain && ic->vtable != shared))
        return 0;
    return static_cast<const QV4::Heap::SharedArrayBuffer *>(base)->arrayDataLength();
}

} // namespace

bool runsScript(const QJSEngine &engine)
{
    // Set and cleared by the engine's own thread as frames are pushed and popped; read here
    // without a lock (an atomic load of a pointer-sized field: a torn value is impossible).
    QV4::CppStackFrame *&top = engine.handle()->currentStackFrame;
    return std::atomic_ref<QV4::CppStackFrame *>(top).load(std::memory_order_relaxed) != nullptr;
}

EngineHeap measureHeap(QJSEngine &engine, std::size_t enough)
{
    QV4::MemoryManager *mm = engine.handle()->memoryManager;
    EngineHeap heap;
    heap.managed = mm->getUsedMem() + mm->getLargeItemsMem();
    heap.unmanaged = mm->unmanagedHeapSize;
    const auto done = [&] { return enough > 0 && heap.total() > enough; };
    // Each chunk marks the first slot of every object it holds (live or not yet swept).
    for (QV4::Chunk *chunk : mm->blockAllocator.chunks) {
        if (done())
            break;
        for (uint word = 0; word < QV4::Chunk::EntriesInBitmap; ++word) {
            for (quintptr bits = chunk->objectBitmap[word]; bits; bits &= bits - 1) {
                QV4::HeapItem *item = chunk->realBase() + word * QV4::Chunk::Bits + qCountTrailingZeroBits(bits);
                heap.arrayBuffers += arrayBufferBytes(item);
            }
        }
    }
    for (const auto &huge : mm->hugeItemAllocator.chunks)
        heap.arrayBuffers += arrayBufferBytes(huge.chunk->first());
    return heap;
}

} // namespace gridwall::plugins
