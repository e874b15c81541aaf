export { default } from 'storycard/edge';
