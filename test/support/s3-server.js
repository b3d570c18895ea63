// s3rver (an S3 emulator) in a process of its own, for test/support/s3.ts. It prints
// {"port": N} once it listens. s3rver throws, uncaught, when an object is deleted while
// it is reading it (a real store answers or streams it): caught here, so a race that S3
// handles does not end the emulator or the test run that started it.
import S3rver from 's3rver';

process.on('uncaughtException', (err) => console.error(`s3rver: ${err.message}`));
const server = new S3rver({ address: '127.0.0.1', port: 0, directory: process.argv[2], silent: true });
const { port } = await server.run();
console.log(JSON.stringify({ port }));
