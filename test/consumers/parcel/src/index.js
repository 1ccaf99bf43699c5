import 'cnn-widgets';
