import { Pcm16Downsampler } from './pcm16Downsampler.ts';

/** A running microphone capture; `stop` releases the device. */
export interface MicCapture {
  /** The audio context the microphone runs in (prompts can play through it too). */
  readonly context: AudioContext;
  stop(): Promise<void>;
}

const PROCESSOR_NAME = 'omniflow-pcm-capture';

// Runs on the audio thread: hands ~21 ms batches of the first channel to the page, which downsamples them.
const WORKLET_SOURCE = `
class OmniflowPcmCapture extends AudioWorkletProcessor {
  constructor() { super(); this.batch = new Float32Array(1024); this.filled = 0; }
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) {
      for (let i = 0; i < channel.length; i++) {
        this.batch[this.filled++] = channel[i];
        if (this.filled === this.batch.length) { this.port.postMessage(this.batch); this.batch = new Float32Array(1024); this.filled = 0; }
      }
    }
    return true;
  }
}
registerProcessor('${PROCESSOR_NAME}', OmniflowPcmCapture);
`;

/**
 * Opens the microphone and calls `onFrame` with 20 ms frames of 16 kHz 16-bit little-endian mono PCM, captured by an
 * AudioWorklet (a ScriptProcessor where worklets are missing) and downsampled from the context's own rate.
 */
export async function startMicCapture(onFrame: (frame: Uint8Array<ArrayBuffer>) => void): Promise<MicCapture> {
  if (!navigator.mediaDevices?.getUserMedia)
    throw new Error('This page cannot use the microphone: open the designer over https or on localhost.');
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: true, noiseSuppression: false, autoGainControl: true },
  });
  const context = new AudioContext();
  try {
    await context.resume();
    const downsampler = new Pcm16Downsampler(context.sampleRate);
    const feed = (samples: Float32Array) => {
      for (const frame of downsampler.push(samples)) onFrame(frame);
    };
    const source = context.createMediaStreamSource(stream);
    // Processing nodes are only pulled when they lead to the destination; a muted gain keeps the mic out of the speakers.
    const mute = context.createGain();
    mute.gain.value = 0;
    mute.connect(context.destination);
    const processor = await captureNode(context, feed);
    source.connect(processor);
    processor.connect(mute);
    return {
      context,
      async stop() {
        source.disconnect();
        processor.disconnect();
        for (const track of stream.getTracks()) track.stop();
        await context.close();
      },
    };
  } catch (error) {
    for (const track of stream.getTracks()) track.stop();
    await context.close();
    throw error;
  }
}

async function captureNode(context: AudioContext, feed: (samples: Float32Array) => void): Promise<AudioNode> {
  if (context.audioWorklet) {
    const url = URL.createObjectURL(new Blob([WORKLET_SOURCE], { type: 'text/javascript' }));
    try {
      await context.audioWorklet.addModule(url);
    } finally {
      URL.revokeObjectURL(url);
    }
    const node = new AudioWorkletNode(context, PROCESSOR_NAME, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      channelCount: 1,
      channelCountMode: 'explicit',
    });
    node.port.onmessage = (event: MessageEvent<Float32Array>) => feed(event.data);
    return node;
  }
  const node = context.createScriptProcessor(2048, 1, 1);
  node.onaudioprocess = (event) => feed(event.inputBuffer.getChannelData(0));
  return node;
}
