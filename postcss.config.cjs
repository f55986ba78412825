// Mantine's PostCSS preset: rem(), light-dark() and its breakpoint mixins.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
